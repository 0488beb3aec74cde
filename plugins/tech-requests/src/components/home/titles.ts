/** What a home card lists. */
export type HomeCardContent = 'waiting-for-me' | 'mine' | 'offerings';

/**
 * The heading of each card, as the home page shows it; kept apart from the cards so that the
 * plugin's definition can name them without loading the cards.
 */
export const HOME_CARD_TITLES: Record<HomeCardContent, string> = {
  'waiting-for-me': 'Waiting for me',
  mine: 'My requests',
  offerings: 'What IT offers',
};
