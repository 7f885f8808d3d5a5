// Which parts of the API this build of the page shows. Each flag names a feature branch whose endpoints the page
// calls; a view appears only when its API is part of this gateway.
export const features = {
  workspace: true, // history, custom agents, deployment feedback, analytics of deployments (issue 9)
  rival: true, // the rival design and the choice between them (issue 11)
  cache: true, // bypassing the design cache and its statistics (issue 8)
  budget: true, // the token budget's queue reason and spend caps (issue 5)
};
