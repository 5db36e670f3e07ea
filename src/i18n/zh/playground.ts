// Chinese strings for the playground part of the dictionary.
const playground = {};

export default playground;
