using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Steward.Infrastructure.Errors;

/// <summary>
/// Turns the domain's exceptions into RFC 9457 problem details. Unknown errors become a plain
/// 500 with a trace id: never a stack trace.
/// </summary>
public sealed class StewardExceptionHandler(IProblemDetailsService problems, ILogger<StewardExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            InvalidInputException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(k => JsonNamingPolicy.CamelCase.ConvertName(k.Key), k => k.Value))
            {
                Status = 400,
                Title = "The request has invalid fields.",
                Detail = "Nothing was changed. Correct the fields named in 'errors' and try again.",
            },
            BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read.", Detail = e.Message },
            JsonException e => new ProblemDetails { Status = 400, Title = "The request body is not valid JSON.", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = $"{e.What} not found.", Detail = e.Message },
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Not allowed.", Detail = e.Message },
            PreconditionFailedException e => new ProblemDetails { Status = 412, Title = "The record has changed.", Detail = e.Message },
            ConcurrencyConflictException e => new ProblemDetails { Status = 409, Title = "Concurrent edit.", Detail = e.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = "Concurrent edit.", Detail = "Someone else changed this record at the same time. Nothing was changed; reload it and try again." },
            _ => new ProblemDetails { Status = 500, Title = "Something went wrong on our side.", Detail = "The error has been logged. Nothing you sent was partially saved." },
        };
        if (problem.Status == 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddStewardProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Exception details are for the log, never for the response.
            ctx.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<StewardExceptionHandler>();
        return services;
    }
}
