package waifuim

// DecodeImages is decodeImages, for the external tests that measure and
// check the decoding on its own.
var DecodeImages = decodeImages
