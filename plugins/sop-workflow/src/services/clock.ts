/** The one source of "now" for the workflow, so tests move time instead of waiting for it. */
export default () => {
  let source: () => Date = () => new Date();
  return {
    now(): Date {
      return source();
    },
    use(next: () => Date): void {
      source = next;
    },
    reset(): void {
      source = () => new Date();
    },
  };
};
