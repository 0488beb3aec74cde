// @ts-check

/**
 * Vectors of an embedding provider, by the hash of the text they embed: an index rebuild
 * embeds only entities whose text changed.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('tech_requests_embeddings', table => {
    table.string('provider_id', 100).notNullable();
    table.string('content_hash', 64).notNullable();
    // Float32 values, little-endian, as the provider gave them. MySQL's BLOB stops at 64 KB
    // (16 383 dimensions) and truncates silently; MEDIUMBLOB holds 16 MB.
    if (knex.client.config.client.includes('mysql')) {
      table.specificType('vector', 'mediumblob').notNullable();
    } else {
      table.binary('vector').notNullable();
    }
    table.primary(['provider_id', 'content_hash']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('tech_requests_embeddings');
};
