export * from './statuses';
export * from './channels';
export * from './sop';
export * from './roles';
export * from './workingTime';
export * from './masking';
export * from './inquiryFields';
export * from './random';
