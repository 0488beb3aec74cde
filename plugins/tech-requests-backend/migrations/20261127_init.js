// @ts-check

/**
 * Requests, their history, reviews and comments.
 *
 * Lists and nested values (capabilities, integrations, vendor candidates, budget, decision)
 * are kept as JSON text, the one representation that behaves alike on SQLite, PostgreSQL and
 * MySQL. Timestamps are stored as ISO-8601 strings in UTC: they sort correctly as text and
 * come back unchanged whatever the server's or the driver's time zone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tech_requests', table => {
    table.comment('Technology requests filed by business units');
    table.increments('id');
    table.string('title', 200).notNullable();
    table.text('need').notNullable();
    table.string('requesting_group', 255).notNullable();
    table.string('requester', 255).notNullable();
    table.string('business_sponsor', 200).nullable();
    table.integer('expected_users').nullable();
    table.string('wanted_by', 10).nullable();
    table.text('budget_range').nullable();
    table.text('capabilities').notNullable();
    table.text('integrations').notNullable();
    table.string('data_classification', 20).notNullable();
    table.boolean('handles_personal_data').notNullable();
    table.text('vendor_candidates').notNullable();
    table.string('preferred_path', 10).notNullable();
    table.string('status', 20).notNullable();
    table.text('decision').nullable();
    table.string('created_at', 24).notNullable();
    table.string('updated_at', 24).notNullable();
    table.string('submitted_at', 24).nullable();
    table.integer('version').notNullable();
    table.index(['status'], 'tech_requests_status_idx');
    table.index(['requesting_group'], 'tech_requests_group_idx');
    table.index(['requester'], 'tech_requests_requester_idx');
    table.index(['updated_at'], 'tech_requests_updated_idx');
  });

  await knex.schema.createTable('tech_request_history', table => {
    table.comment('Every change made to a request, append-only');
    table.increments('id');
    table
      .integer('request_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('tech_requests')
      .onDelete('CASCADE');
    table.string('actor', 255).notNullable();
    table.string('action', 40).notNullable();
    table.string('at', 24).notNullable();
    table.text('changes').notNullable();
    table.text('note').nullable();
    table.index(['request_id'], 'tech_request_history_request_idx');
  });

  await knex.schema.createTable('tech_request_reviews', table => {
    table.comment('Reviews of a request, one area each');
    table.increments('id');
    table
      .integer('request_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('tech_requests')
      .onDelete('CASCADE');
    table.string('reviewer', 255).notNullable();
    table.string('area', 20).notNullable();
    table.string('verdict', 20).notNullable();
    table.text('comment').notNullable();
    table.string('created_at', 24).notNullable();
    table.index(['request_id'], 'tech_request_reviews_request_idx');
  });

  await knex.schema.createTable('tech_request_comments', table => {
    table.comment('Comments on a request');
    table.increments('id');
    table
      .integer('request_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('tech_requests')
      .onDelete('CASCADE');
    table.string('author', 255).notNullable();
    table.text('body').notNullable();
    table.string('created_at', 24).notNullable();
    table.index(['request_id'], 'tech_request_comments_request_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tech_request_comments');
  await knex.schema.dropTable('tech_request_reviews');
  await knex.schema.dropTable('tech_request_history');
  await knex.schema.dropTable('tech_requests');
};
