using System.IO.Pipes;
using System.Threading.Channels;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using NotebookRunner.Protocol;

namespace NotebookRunner.Hosting;

/// <summary>
/// `nbrun kernel SUBMISSIONS-PIPE MESSAGES-PIPE`, the hidden command the runner starts once per
/// notebook in the notebook's folder: one real kernel, cells in on one pipe, events out on the
/// other. Pipes of their own keep the kernel's stdout and stderr free for what native code
/// prints, which the runner keeps to explain a crash.
/// </summary>
internal static class KernelHost
{
    public const string Command = "kernel";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        if (args is not [var submissionsHandle, var messagesHandle])
            throw new ArgumentException($"nbrun {Command} expects two pipe handles, got {args.Count} arguments");
        // Ctrl+C in a terminal reaches the whole process group; the runner decides when the kernel stops.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var messages = new JsonLineWriter(new AnonymousPipeClientStream(PipeDirection.Out, messagesHandle));
        var submissions = Channel.CreateUnbounded<CellSubmission>();
        StartReading(new AnonymousPipeClientStream(PipeDirection.In, submissionsHandle), submissions.Writer);

        using var kernel = NotebookKernel.Create();
        using var forwarding = kernel.KernelEvents.Subscribe(kernelEvent =>
        {
            if (EventMessages.From(kernelEvent) is { } message)
                messages.Write(message);
        });
        messages.Write(new KernelMessage(KernelMessage.Ready, Kernels: NotebookKernel.Names(kernel)));

        await foreach (var submission in submissions.Reader.ReadAllAsync())
        {
            var result = await kernel.SendAsync(new SubmitCode(submission.Code, submission.Kernel));
            if (result.Events.LastOrDefault() is CommandFailed failed)
                messages.Write(new KernelMessage(KernelMessage.Failed, Text: failed.Message));
            messages.Write(new KernelMessage(KernelMessage.Done));
        }
        return 0;
    }

    /// <summary>
    /// Reads submissions on a thread of its own, so that the end of the pipe is seen even while a
    /// cell runs: the runner closes it when it is done with the kernel or was stopped, and a kernel
    /// whose runner is gone must not go on computing.
    /// </summary>
    private static void StartReading(Stream pipe, ChannelWriter<CellSubmission> submissions)
    {
        var thread = new Thread(() =>
        {
            using var reader = new StreamReader(pipe);
            while (reader.ReadLine() is { } line)
                submissions.TryWrite(JsonLine.Parse<CellSubmission>(line));
            Environment.Exit(0);
        })
        { IsBackground = true, Name = "nbrun submissions" };
        thread.Start();
    }
}
