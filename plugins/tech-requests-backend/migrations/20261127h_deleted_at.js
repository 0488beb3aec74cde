// @ts-check

/**
 * Deleting a draft marks it deleted instead of removing it, so that its history stays on
 * record: the history is append-only, deletions included.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.string('deleted_at', 30).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Rows marked deleted would come back as drafts: they go, as they did before.
  await knex('tech_requests').whereNotNull('deleted_at').delete();
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('deleted_at');
  });
};
