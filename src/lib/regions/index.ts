export {
  regionMatcher,
  describeFailure,
  editDistance,
  normalise,
  parseType,
  type RegionMatch,
  type RegionMatcher,
  type RegionRef,
  type RegionType
} from './match';
