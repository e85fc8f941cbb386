import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

export interface Route {
  method: string;
  /** As Nest joins it: `/api/v1/member-batches/:batchId`, `*path` for a wildcard. */
  path: string;
}

function segments(path: string | string[] | undefined): string[] {
  return [path ?? '']
    .flat()
    .flatMap((part) => part.split('/'))
    .filter((part) => part !== '');
}

function patternOf(path: string): RegExp {
  const parts = segments(path).map((part) =>
    part.startsWith(':') ? '[^/]+' : part.startsWith('*') ? '.+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  return new RegExp(`^/${parts.join('/')}/?$`);
}

/**
 * Which methods each path of the gateway answers, so that a request with another method gets 405
 * and an `Allow` header rather than 404: the path exists, the method does not.
 */
export class RouteTable {
  private readonly entries: { pattern: RegExp; methods: Set<string> }[] = [];

  constructor(routes: Route[]) {
    for (const route of routes) {
      const pattern = patternOf(route.path);
      const entry = this.entries.find((candidate) => candidate.pattern.source === pattern.source);
      const methods = route.method === 'GET' ? ['GET', 'HEAD'] : [route.method];
      if (entry) methods.forEach((method) => entry.methods.add(method));
      else this.entries.push({ pattern, methods: new Set(methods) });
    }
  }

  /** The methods some route answers at this path, sorted; none when no route has the path. */
  allowedMethods(path: string): string[] {
    const methods = new Set<string>();
    for (const entry of this.entries) if (entry.pattern.test(path)) entry.methods.forEach((method) => methods.add(method));
    return [...methods].sort();
  }
}

/** The gateway's routes as its controllers declare them, read once, when first needed. */
@Injectable()
export class GatewayRoutes {
  private table?: RouteTable;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  allowedMethods(path: string): string[] {
    this.table ??= new RouteTable(this.discover());
    return this.table.allowedMethods(path);
  }

  private discover(): Route[] {
    return this.discovery.getControllers().flatMap(({ metatype, instance }) => {
      if (!metatype || !instance) return [];
      const prefix = segments(Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined);
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (method === undefined || path === undefined || method === RequestMethod.ALL) return [];
        return [{ method: RequestMethod[method], path: `/${[...prefix, ...segments(path)].join('/')}` }];
      });
    });
  }
}
