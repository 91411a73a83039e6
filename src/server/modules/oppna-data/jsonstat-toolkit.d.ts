// The JSON-stat Toolkit ships no types: the little the tests use of it.
declare module 'jsonstat-toolkit' {
  interface JsonStatDimension {
    id: string[];
    label: string;
  }
  interface JsonStatDataset {
    class: string | null;
    /** Number of dimensions of a dataset; 0 when the input is not valid JSON-stat. */
    length: number;
    /** Number of values. */
    n: number;
    id: string[];
    Dimension(id: string): JsonStatDimension | null;
    Data(where: Record<string, string>): { value: number | null; status: string | null } | null;
  }
  export default function JSONstat(input: unknown): JsonStatDataset;
}
