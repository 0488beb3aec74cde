import userEvent from '@testing-library/user-event';

/** A simulated person, from `userEvent.setup()`. */
export type User = ReturnType<typeof userEvent.setup>;

/**
 * Puts text in a field the way a person pastes it. Typing key by key re-renders whole
 * pages once per key, which makes long texts slow; short ones are typed.
 */
export async function paste(user: User, target: HTMLElement, text: string) {
  await user.click(target);
  await user.paste(text);
}
