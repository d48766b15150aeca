// Type declarations for what Vite bundles beside TypeScript (CSS side-effect imports).
/// <reference types="vite/client" />
