// @ts-check

/**
 * Who will use what a request asks for: staff, customers or both. Optional, like the number
 * of users it qualifies; requests filed before have none.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.string('audience', 20).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('audience');
  });
};
