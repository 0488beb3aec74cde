// @ts-check

/**
 * The portfolio's facts: one narrow row per filed request, and one per capability it asks
 * for, kept in the same transaction as every write of the request. Aggregates over 100 000
 * requests then read a few small columns instead of every request's text and snapshots.
 *
 * Rows of requests filed before these tables existed are written when the plugin starts:
 * capabilities are named with the reuse vocabulary, which migrations cannot read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tech_request_portfolio', table => {
    table.comment('Per filed request: what the portfolio counts');
    table
      .integer('request_id')
      .unsigned()
      .notNullable()
      .primary()
      .references('id')
      .inTable('tech_requests')
      .onDelete('CASCADE');
    table.string('requesting_group', 255).notNullable();
    table.string('status', 20).notNullable();
    table.string('submitted_at', 24).notNullable();
    table.string('status_changed_at', 30).nullable();
    // reuse, buy or build when approved; rejected or deferred otherwise.
    table.string('decision', 10).nullable();
    table.string('decided_at', 24).nullable();
    table.string('decided_quarter', 7).nullable();
    table.integer('decision_seconds').nullable();
    table.double('approved_cost').nullable();
    table.double('reuse_saving').nullable();
    // Each aggregate reads one of these indexes alone, in the order it groups by, and never
    // the rows: at 100 000 requests that is the difference between milliseconds and tenths
    // of a second. Without a leading period column, the planners (SQLite's has no
    // statistics) cannot pick a range scan that then looks up every row.
    table.index(
      ['requesting_group', 'status', 'submitted_at'],
      'tech_request_portfolio_demand_idx',
    );
    table.index(
      ['status', 'status_changed_at', 'submitted_at', 'requesting_group'],
      'tech_request_portfolio_waiting_idx',
    );
    table.index(
      ['decided_quarter', 'decision', 'decided_at', 'requesting_group'],
      'tech_request_portfolio_decisions_idx',
    );
    table.index(
      ['decision_seconds', 'decided_at', 'requesting_group'],
      'tech_request_portfolio_time_idx',
    );
    table.index(
      [
        'requesting_group',
        'decided_quarter',
        'decision',
        'decided_at',
        'approved_cost',
        'reuse_saving',
      ],
      'tech_request_portfolio_money_idx',
    );
  });

  await knex.schema.createTable(
    'tech_request_portfolio_capabilities',
    table => {
      table.comment('Per filed request and capability asked for');
      table
        .integer('request_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('tech_requests')
        .onDelete('CASCADE');
      table.string('capability', 200).notNullable();
      table.string('requesting_group', 255).notNullable();
      table.string('submitted_at', 24).notNullable();
      table.boolean('undecided').notNullable();
      table.primary(['request_id', 'capability']);
      table.index(
        ['capability', 'requesting_group', 'submitted_at', 'undecided'],
        'tech_request_portfolio_caps_idx',
      );
    },
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tech_request_portfolio_capabilities');
  await knex.schema.dropTable('tech_request_portfolio');
};
