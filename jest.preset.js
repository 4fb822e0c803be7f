const nxPreset = require('@nx/jest/preset').default;

// Component tests render Angular Material and load translations: on a loaded 2-core CI machine the first
// render of a suite can take several seconds, so jest's 5 s default fails tests that are not wrong.
module.exports = { ...nxPreset, testTimeout: 30_000 };
