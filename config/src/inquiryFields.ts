/** What a client may send when recording an inquiry; everything else is set by the workflow. */
export const INTAKE_FIELDS = ['kind', 'channel', 'applicant', 'subject', 'message', 'serviceCategory', 'notes', 'externalRef'] as const;

/** Descriptive fields that may be corrected after intake; status, times, division and code never. */
export const EDITABLE_INQUIRY_FIELDS = ['kind', 'applicant', 'subject', 'serviceCategory', 'notes', 'externalRef'] as const;

export const APPLICANT_FIELDS = ['name', 'nik', 'phone', 'email', 'replyAddress'] as const;
