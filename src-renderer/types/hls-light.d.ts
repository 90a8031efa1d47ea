/**
 * hls.js publishes typings only for its full build. The light build is the same API without DRM,
 * subtitles and alternate audio, none of which a camera wall uses, at about 60% of the size.
 */
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
