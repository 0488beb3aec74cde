// @ts-check

/**
 * The requester's answers the security risk is read from, what reviewers adjusted in the cost
 * model, and the assessment snapshot (fit, risk, cost).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.string('hosting', 20).notNullable().defaultTo('unknown');
    table.string('sign_in', 20).notNullable().defaultTo('unknown');
    table.string('data_location', 20).notNullable().defaultTo('unknown');
    // MySQL gives TEXT columns no default: null reads as an empty list.
    table.text('vendor_certifications').nullable();
    table.text('cost_inputs').nullable();
    table.text('assessment').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('hosting');
    table.dropColumn('sign_in');
    table.dropColumn('data_location');
    table.dropColumn('vendor_certifications');
    table.dropColumn('cost_inputs');
    table.dropColumn('assessment');
  });
};
