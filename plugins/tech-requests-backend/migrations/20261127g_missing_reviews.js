// @ts-check

/**
 * The mandatory reviews a request still lacks, beside its assessment snapshot, so that "waiting
 * for me" can find the requests that wait for a review area without reading every snapshot.
 * Stored as `,security,privacy,`: a LIKE on `,area,` matches whole areas on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.string('missing_reviews', 200).nullable();
  });
  const rows = await knex('tech_requests')
    .whereNotNull('assessment')
    .select('id', 'assessment');
  for (const row of rows) {
    const missing = JSON.parse(row.assessment).missingReviews ?? [];
    if (missing.length) {
      await knex('tech_requests')
        .where({ id: row.id })
        .update({ missing_reviews: `,${missing.join(',')},` });
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('tech_requests', table => {
    table.dropColumn('missing_reviews');
  });
};
