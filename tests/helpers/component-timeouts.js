// Component tests wait for what a user would see; on a busy two-core machine React takes longer than the
// library's one second to get there, so a waiting query gives it five before it fails.
if (typeof document !== 'undefined') {
  require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 });
}
