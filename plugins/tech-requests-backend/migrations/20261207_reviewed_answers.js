// @ts-check

/**
 * A review keeps the request version and assessment version it saw, and the answers its area
 * depends on (JSON), so that an edit that changes those answers makes it an earlier version's
 * review. Reviews kept before have none of these and keep counting.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_request_reviews', table => {
    table.integer('request_version').nullable();
    table.integer('assessment_version').nullable();
    table.text('answers_seen').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_request_reviews', table => {
    table.dropColumn('request_version');
    table.dropColumn('assessment_version');
    table.dropColumn('answers_seen');
  });
};
