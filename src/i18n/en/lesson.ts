import type { Strings } from '../strings';
import type zhLesson from '../zh/lesson';

// English strings for the lesson's own components (components/lesson/).
const lesson: Strings<typeof zhLesson> = {
  predict: {
    label: 'Predict first',
    reveal: 'Show what the run did',
    answerIs: 'The run says: {answer}',
    right: '✓ Right',
    wrong: '✗ Not this one',
    actual: '← what the run did',
  },
  tryThis: {
    title: 'Try this',
    intro: 'Change one line in a program above, press Run, and see how the result changes.',
  },
  backToSummary: 'Back to chapter {n}: all the branches in one tree',
};

export default lesson;
