import type { Strings } from '../strings';
import type zhSite from '../zh/site';

// English strings of the site frame: header, navigation, search, 404.
const site: Strings<typeof zhSite> = {
  siteTitle: 'TCP Unplugged',
  siteTagline: 'Pull the network cable: does the TCP connection survive? A hands-on lesson.',
  languageName: 'English',
  switchLanguage: 'Switch language',
  skipToContent: 'Skip to content',
  mainNavigation: 'Chapters',
  onThisPage: 'On this page',
  previousChapter: 'Previous',
  nextChapter: 'Next',
  chapterNumber: 'Chapter {n}',
  chapterRead: '(read)',
  resume: 'Continue where you left off:',
  themeToggle: 'Dark mode',
  themeToggleHint: 'Switch between light and dark theme',
  search: 'Search',
  searchLabel: 'Search the lesson',
  searchPlaceholder: 'e.g. keepalive',
  searchNoResults: 'No results.',
  searchResultsCount: '{n} results',
  searchUnavailable: 'The search index has not been built yet: run npm run build.',
  searchNeedsJs: 'Search needs JavaScript. You can still read every chapter from the list.',
  searchOtherLanguage: 'Chinese version',
  notFoundTitle: 'Page not found',
  notFoundBody: 'Nothing lives at this address. The link may be mistyped, or the page has moved.',
  backToStart: 'Go to the first chapter',
  chooseLanguage: 'Choose a language',
  chooseLanguageIntro: 'This lesson is available in Chinese and English.',
  footerNote:
    'Every experiment runs as a simulation in your browser; nothing is actually unplugged.',
};

export default site;
