// The renderer's number formats are the shared ones (src/shared/format.ts), which the command line prints too.
export * from '../../../shared/format'
