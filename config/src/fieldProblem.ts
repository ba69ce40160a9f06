/**
 * Why a value an editor entered is refused, and where inside the field: `at` is the row and the column
 * of a list field (`[2, 'closesAt']`), empty for the field as a whole. The admin panel marks that input.
 */
export interface FieldProblem {
  message: string;
  at: (string | number)[];
}
