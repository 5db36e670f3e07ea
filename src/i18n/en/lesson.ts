import type { Strings } from '../strings';
import type zhLesson from '../zh/lesson';

// English strings for the lesson part of the dictionary.
const lesson: Strings<typeof zhLesson> = {};

export default lesson;
