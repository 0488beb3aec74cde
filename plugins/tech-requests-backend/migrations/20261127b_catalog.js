// @ts-check

/**
 * Reuse candidates named on a request, and the name of its catalog entity, fixed when the
 * request is first submitted so that links to the entity survive title edits.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    // MySQL gives TEXT columns no default: null reads as an empty list.
    table.text('reuse_candidates').nullable();
    table.string('entity_name', 63).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('reuse_candidates');
    table.dropColumn('entity_name');
  });
};
