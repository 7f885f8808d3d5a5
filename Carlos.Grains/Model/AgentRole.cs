namespace Carlos.Grains.Model;

/// <summary>The roles of the design team; each has its own instructions file and, for reviewers, an output schema.</summary>
public enum AgentRole
{
    Architect = 0,
    Security = 1,
    Cost = 2,
    Reliability = 3,
    Validator = 4,
    Recommender = 5,
    Terraform = 6,

    /// <summary>Decides whether the requirements are clear enough to design from, or asks questions first.</summary>
    Clarifier = 7,

    /// <summary>The Terraform check: Carlos's own parser and rules, not a model call.</summary>
    TerraformCheck = 8,

    /// <summary>Fixes the findings of a Terraform check in the Terraform it judged.</summary>
    TerraformCorrector = 9,

    /// <summary>A reviewer the tenant defined (a custom agent); its brief comes with the step's context.</summary>
    Custom = 40,
}
