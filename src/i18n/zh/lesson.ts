// Chinese strings for the lesson part of the dictionary.
const lesson = {};

export default lesson;
