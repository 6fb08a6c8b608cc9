package dev.zanith.spring.autoconfigure.studio;

import dev.zanith.studio.Studio;
import dev.zanith.studio.StudioRequest;
import dev.zanith.studio.StudioResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spring MVC's side of Zanith Studio: every request under {@code zanith.studio.path} goes to the host-neutral
 * {@link Studio}; {@code <path>} without its slash redirects to {@code <path>/} so the page's relative links resolve.
 */
@Controller
@RequestMapping("${zanith.studio.path:/zanith}")
public class ZanithStudioController {

    private final Studio studio;
    private final String path;

    public ZanithStudioController(Studio studio, String path) {
        this.studio = studio;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public Studio studio() {
        return studio;
    }

    @RequestMapping({"", "/", "/**"})
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String below = uri.length() >= path.length() ? uri.substring(path.length()) : "/";
        if (below.isEmpty()) {
            response.sendRedirect(request.getContextPath() + path + "/"
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        StudioResponse answer = studio.handle(new StudioRequest(request.getMethod(), below,
                StudioRequest.parseQuery(request.getQueryString()), headers));
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        answer.headers().forEach(response::setHeader);
        if (request.getMethod().equals("HEAD")) {
            return;
        }
        try (OutputStream out = response.getOutputStream()) {
            answer.body().writeTo(out);
        }
    }
}
