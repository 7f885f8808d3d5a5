using Carlos.Contracts.Designs;
using Carlos.Contracts.RateLimits;
using Carlos.Contracts.Serialization;
using Carlos.Gateway.Http;
using Carlos.Gateway.Identity;
using Carlos.Gateway.RateLimiting;

namespace Carlos.Gateway.Endpoints;

/// <summary><c>POST /v1/designs/{id}/choose</c>: a user overrules the choice between the lead and rival designs.</summary>
internal static class ChoiceEndpoints
{
    /// <summary>The body: the design the Terraform should follow.</summary>
    public sealed record ChooseBody(DesignCandidate? Design);

    /// <summary>The answer: follow the regeneration by streaming the events after <see cref="EventsAfter"/>.</summary>
    public sealed record ChooseAccepted(Guid Id, DesignStatus Status, DesignCandidate Design, long EventsAfter);

    public static RouteGroupBuilder MapDesignChoice(this RouteGroupBuilder v1)
    {
        v1.MapPost("/designs/{id:guid}/choose", ChooseAsync)
            .ChargedAs(RateLimitClasses.Design)
            .WithTags("Designs")
            .WithName("ChooseDesign")
            .WithSummary("Overrules the recommender's choice between the lead and rival designs; only the Terraform " +
                "is generated again.")
            .Accepts<ChooseBody>("application/json")
            .Produces<ChooseAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return v1;
    }

    private static async Task<IResult> ChooseAsync(
        Guid id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChooseBody>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Design is not { } design)
        {
            return Problems.Validation("design", "Name the design to build: lead or rival.");
        }

        var outcome = await grains.GetGrain<IDesignChoice>(id).ChooseAsync(http.GetCaller(), design);
        if (outcome.Status != ChooseStatus.Accepted)
        {
            http.RefundQuota(); // nothing was generated
        }

        var name = CarlosJson.WireName(design);
        return outcome.Status switch
        {
            ChooseStatus.Accepted => TypedResults.Accepted($"/v1/designs/{id}",
                new ChooseAccepted(id, DesignStatus.Running, design, outcome.EventsAfter)),
            ChooseStatus.NotFound => Problems.NotFound("design"),
            ChooseStatus.StillRunning => Problems.Conflict("The design is still running; choose once it has finished."),
            ChooseStatus.AlreadyChosen => Problems.Conflict($"The {name} design is already the chosen one."),
            ChooseStatus.NotValid => Problems.Conflict($"The {name} design failed validation, so it cannot be built."),
            _ => Problems.Conflict("The design has no choice to overrule: it ran without the rival, or ended " +
                "without a valid design."),
        };
    }
}
