import type { Core } from '@strapi/strapi';

export interface UpgradeReport {
  counts: Record<string, number>;
  inquiries: Record<string, unknown>[];
  events: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
}

export function upgradeReport(strapi: Core.Strapi): Promise<UpgradeReport>;
