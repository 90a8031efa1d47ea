/** Vite's import suffixes the renderer uses (vite/client has more; these are the ones in use). */
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*?worker&url' {
  const url: string;
  export default url;
}
