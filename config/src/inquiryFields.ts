/**
 * What a client may send when recording an inquiry; everything else is set by the workflow. `laporStatus` is
 * the status a LAPOR! report showed when it was copied; when it was seen is the intake's time, never the client's.
 */
export const INTAKE_FIELDS = ['kind', 'channel', 'applicant', 'subject', 'message', 'serviceCategory', 'notes', 'externalRef', 'laporStatus'] as const;

/** Descriptive fields that may be corrected after intake; status, times, division and code never. */
export const EDITABLE_INQUIRY_FIELDS = ['kind', 'applicant', 'subject', 'serviceCategory', 'notes', 'externalRef'] as const;

export const APPLICANT_FIELDS = ['name', 'nik', 'phone', 'email', 'replyAddress'] as const;

/** The longest message a request may carry (the schema's maxLength, the form's counter, the API's check). */
export const MESSAGE_MAX_LENGTH = 5000;
