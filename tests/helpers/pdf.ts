/** Pages in a PDF (as Chromium prints it): its page objects, not the page tree ("/Type /Pages"). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
