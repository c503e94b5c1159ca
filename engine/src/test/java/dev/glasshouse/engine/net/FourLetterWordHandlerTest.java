package dev.glasshouse.engine.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The four-letter word check before framing, with input split awkwardly across reads. */
class FourLetterWordHandlerTest {
    private final FourLetterWordResponder responder = new FourLetterWordResponder() {
        @Override
        public boolean recognises(String word) {
            return word.equals("ruok");
        }

        @Override
        public CompletableFuture<String> respond(String word) {
            return CompletableFuture.completedFuture("imok");
        }
    };

    @Test
    void wordSplitAcrossReadsIsAnsweredAndTheConnectionClosed() {
        EmbeddedChannel channel = new EmbeddedChannel(new FourLetterWordHandler(responder));
        channel.writeInbound(ascii("ru"));
        channel.writeInbound(ascii("ok\n"));
        channel.runPendingTasks();
        ByteBuf answer = channel.readOutbound();
        assertThat(answer.toString(StandardCharsets.US_ASCII)).isEqualTo("imok");
        answer.release();
        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void handshakeBytesPassThroughUntouchedAndTheHandlerLeaves() {
        EmbeddedChannel channel = new EmbeddedChannel(new FourLetterWordHandler(responder));
        byte[] frame = {0, 0, 0, 44, 1, 2, 3};
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 0, 2));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.wrappedBuffer(frame, 2, 5));
        ByteBuf passed = channel.readInbound();
        byte[] bytes = new byte[passed.readableBytes()];
        passed.readBytes(bytes);
        passed.release();
        assertThat(bytes).isEqualTo(frame);
        assertThat(channel.pipeline().get(FourLetterWordHandler.class)).isNull();
        channel.writeInbound(ascii("ruok"));
        ByteBuf later = channel.readInbound();
        assertThat(later.toString(StandardCharsets.US_ASCII)).isEqualTo("ruok");
        later.release();
        assertThat(channel.finish()).isFalse();
    }

    private static ByteBuf ascii(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}
