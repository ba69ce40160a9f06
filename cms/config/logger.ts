import { winston, formats } from '@strapi/logger';
import { maskLogLine } from '../src/utils/log-masking';

export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: winston.format.combine(winston.format(maskLogLine)(), formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS', colors: true })),
    }),
  ],
};
