// @ts-check

/**
 * When a request entered its current status: the start of the clock for the service-level
 * target of that stage.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.string('status_changed_at', 30).nullable();
  });
  // The last change is the best guess for requests filed before the column existed.
  await knex('tech_requests').update({
    status_changed_at: knex.ref('updated_at'),
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('status_changed_at');
  });
};
