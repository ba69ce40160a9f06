import { errors } from '@strapi/utils';
import type { FieldProblem } from '@layanan/config';

/**
 * A 400 the admin panel reads as Strapi's own validation errors: it keeps what the editor typed, marks the
 * input at `details.errors[].path` with the message and shows the message in its notice.
 */
export function fieldRefusal(field: string, problem: FieldProblem | string): InstanceType<typeof errors.ValidationError> {
  const { message, at } = typeof problem === 'string' ? { message: problem, at: [] } : problem;
  return new errors.ValidationError(message, { errors: [{ path: [field, ...at.map(String)], message, name: 'ValidationError' }] });
}
