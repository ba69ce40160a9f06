import { factories } from '@strapi/strapi';

/** The policy comes with its office-hours rows: the dashboard counts deadlines with them. */
export default factories.createCoreController('api::sop-policy.sop-policy', () => ({
  async find(ctx) {
    ctx.query = { ...ctx.query, populate: { officeHours: true } };
    return super.find(ctx);
  },
}));
