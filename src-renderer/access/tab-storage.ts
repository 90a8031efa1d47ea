/** This tab's sessionStorage, or null where storage is switched off (the page then asks again after each reload). */
export function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
