// @ts-check

/**
 * The reuse candidates of a request as reviewers see them: the engine's snapshot taken at
 * submission, the requester's and reviewers' additions, and what reviewers made of each.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    // MySQL gives TEXT columns no default: null reads as an empty list.
    table.text('reuse_suggestions').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('reuse_suggestions');
  });
};
