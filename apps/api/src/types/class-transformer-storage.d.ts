/** The metadata class-transformer keeps of @Type() (nested DTOs), read by class-validator-jsonschema. */
declare module 'class-transformer/cjs/storage.js' {
  export const defaultMetadataStorage: import('class-transformer/types/MetadataStorage.js').MetadataStorage;
}
