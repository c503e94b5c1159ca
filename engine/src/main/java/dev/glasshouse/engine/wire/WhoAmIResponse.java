package dev.glasshouse.engine.wire;

import java.util.ArrayList;
import java.util.List;

/** whoAmI: every identity the session has authenticated as. */
public record WhoAmIResponse(List<ClientInfo> clientInfo) implements ResponseBody {
    public static WhoAmIResponse read(JuteInput in) {
        int count = in.readCount("vector<ClientInfo>", 8);
        List<ClientInfo> infos = new ArrayList<>(Math.max(count, 0));
        for (int i = 0; i < count; i++) {
            infos.add(ClientInfo.read(in));
        }
        return new WhoAmIResponse(List.copyOf(infos));
    }

    @Override
    public void write(JuteOutput out) {
        out.writeInt(clientInfo.size());
        for (ClientInfo info : clientInfo) {
            info.write(out);
        }
    }
}
