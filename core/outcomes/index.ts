/** Coventry & Warwickshire outcome questions: bank, short form, rotation and answer storage. */
export * from './framework';
export * from './bank';
export * from './shortForm';
export * from './answers';
export * from './parseAnswer';
export * from './card';
