/** Reads the generated functions.json that Excel itself reads, so the pane lists exactly what is registered. */
export interface CatalogueEntry {
  name: string;
  description: string;
  helpUrl?: string;
}

export async function loadFunctionCatalogue(): Promise<CatalogueEntry[]> {
  const response = await fetch('functions.json');
  if (!response.ok) throw new Error(`functions.json could not be loaded (${response.status})`);
  const metadata = (await response.json()) as { functions: { name: string; description?: string; helpUrl?: string }[] };
  return metadata.functions.map((f) => ({
    name: `FPA.${f.name}`,
    description: f.description ?? '',
    helpUrl: f.helpUrl,
  }));
}
