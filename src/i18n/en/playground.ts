import type { Strings } from '../strings';
import type zhPlayground from '../zh/playground';

// English strings for the playground part of the dictionary.
const playground: Strings<typeof zhPlayground> = {};

export default playground;
