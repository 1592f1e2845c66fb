/** The multipart form an upload endpoint takes: the file in the field `file`, as the server reads it. */
export function uploadForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
