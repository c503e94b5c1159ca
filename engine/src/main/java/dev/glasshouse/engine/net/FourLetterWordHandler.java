package dev.glasshouse.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of a fresh client connection. When its first four bytes are a four-letter word
 * the {@link FourLetterWordResponder} knows, it answers in plain text and closes, as ZooKeeper
 * does; anything else (a handshake's length prefix) removes this handler and passes every byte on
 * to the frame decoder untouched.
 */
final class FourLetterWordHandler extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(FourLetterWordHandler.class);

    private final FourLetterWordResponder responder;
    private boolean answering;

    FourLetterWordHandler(FourLetterWordResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
        if (answering) {
            in.skipBytes(in.readableBytes());   // ZooKeeper ignores anything after the word
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        String word = in.toString(in.readerIndex(), 4, StandardCharsets.ISO_8859_1);
        if (!responder.recognises(word)) {
            context.pipeline().remove(this);
            return;
        }
        answering = true;
        // A client that sends the word and shuts its side down (nc -N) still gets the answer.
        context.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        in.skipBytes(in.readableBytes());
        log.debug("Four-letter word remote={} word={}", context.channel().remoteAddress(), word);
        responder.respond(word).whenComplete((text, failure) -> context.executor().execute(() -> {
            String answer = failure == null ? text : "Error: " + failure.getMessage() + "\n";
            if (failure != null) {
                log.warn("Four-letter word failed remote={} word={}", context.channel().remoteAddress(), word, failure);
            }
            context.writeAndFlush(Unpooled.copiedBuffer(answer, StandardCharsets.UTF_8))
                    .addListener(ChannelFutureListener.CLOSE);
        }));
    }
}
