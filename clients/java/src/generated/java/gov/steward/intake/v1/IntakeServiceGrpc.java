package gov.steward.intake.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Intake (受理): the one entrance for enterprises' key projects.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class IntakeServiceGrpc {

  private IntakeServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.intake.v1.IntakeService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.intake.v1.RegisterProjectRequest,
      gov.steward.intake.v1.RegisterProjectResponse> getRegisterProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RegisterProject",
      requestType = gov.steward.intake.v1.RegisterProjectRequest.class,
      responseType = gov.steward.intake.v1.RegisterProjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.intake.v1.RegisterProjectRequest,
      gov.steward.intake.v1.RegisterProjectResponse> getRegisterProjectMethod() {
    io.grpc.MethodDescriptor<gov.steward.intake.v1.RegisterProjectRequest, gov.steward.intake.v1.RegisterProjectResponse> getRegisterProjectMethod;
    if ((getRegisterProjectMethod = IntakeServiceGrpc.getRegisterProjectMethod) == null) {
      synchronized (IntakeServiceGrpc.class) {
        if ((getRegisterProjectMethod = IntakeServiceGrpc.getRegisterProjectMethod) == null) {
          IntakeServiceGrpc.getRegisterProjectMethod = getRegisterProjectMethod =
              io.grpc.MethodDescriptor.<gov.steward.intake.v1.RegisterProjectRequest, gov.steward.intake.v1.RegisterProjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RegisterProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.RegisterProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.RegisterProjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new IntakeServiceMethodDescriptorSupplier("RegisterProject"))
              .build();
        }
      }
    }
    return getRegisterProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.intake.v1.GetProjectRequest,
      gov.steward.intake.v1.GetProjectResponse> getGetProjectMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetProject",
      requestType = gov.steward.intake.v1.GetProjectRequest.class,
      responseType = gov.steward.intake.v1.GetProjectResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.intake.v1.GetProjectRequest,
      gov.steward.intake.v1.GetProjectResponse> getGetProjectMethod() {
    io.grpc.MethodDescriptor<gov.steward.intake.v1.GetProjectRequest, gov.steward.intake.v1.GetProjectResponse> getGetProjectMethod;
    if ((getGetProjectMethod = IntakeServiceGrpc.getGetProjectMethod) == null) {
      synchronized (IntakeServiceGrpc.class) {
        if ((getGetProjectMethod = IntakeServiceGrpc.getGetProjectMethod) == null) {
          IntakeServiceGrpc.getGetProjectMethod = getGetProjectMethod =
              io.grpc.MethodDescriptor.<gov.steward.intake.v1.GetProjectRequest, gov.steward.intake.v1.GetProjectResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetProject"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.GetProjectRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.GetProjectResponse.getDefaultInstance()))
              .setSchemaDescriptor(new IntakeServiceMethodDescriptorSupplier("GetProject"))
              .build();
        }
      }
    }
    return getGetProjectMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.intake.v1.GetContactRequest,
      gov.steward.intake.v1.GetContactResponse> getGetContactMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetContact",
      requestType = gov.steward.intake.v1.GetContactRequest.class,
      responseType = gov.steward.intake.v1.GetContactResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.intake.v1.GetContactRequest,
      gov.steward.intake.v1.GetContactResponse> getGetContactMethod() {
    io.grpc.MethodDescriptor<gov.steward.intake.v1.GetContactRequest, gov.steward.intake.v1.GetContactResponse> getGetContactMethod;
    if ((getGetContactMethod = IntakeServiceGrpc.getGetContactMethod) == null) {
      synchronized (IntakeServiceGrpc.class) {
        if ((getGetContactMethod = IntakeServiceGrpc.getGetContactMethod) == null) {
          IntakeServiceGrpc.getGetContactMethod = getGetContactMethod =
              io.grpc.MethodDescriptor.<gov.steward.intake.v1.GetContactRequest, gov.steward.intake.v1.GetContactResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetContact"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.GetContactRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.intake.v1.GetContactResponse.getDefaultInstance()))
              .setSchemaDescriptor(new IntakeServiceMethodDescriptorSupplier("GetContact"))
              .build();
        }
      }
    }
    return getGetContactMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static IntakeServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<IntakeServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<IntakeServiceStub>() {
        @java.lang.Override
        public IntakeServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new IntakeServiceStub(channel, callOptions);
        }
      };
    return IntakeServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static IntakeServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<IntakeServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<IntakeServiceBlockingV2Stub>() {
        @java.lang.Override
        public IntakeServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new IntakeServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return IntakeServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static IntakeServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<IntakeServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<IntakeServiceBlockingStub>() {
        @java.lang.Override
        public IntakeServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new IntakeServiceBlockingStub(channel, callOptions);
        }
      };
    return IntakeServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static IntakeServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<IntakeServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<IntakeServiceFutureStub>() {
        @java.lang.Override
        public IntakeServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new IntakeServiceFutureStub(channel, callOptions);
        }
      };
    return IntakeServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * Registers a key project. Enterprises normally use the HTTP API; this is the same command.
     * </pre>
     */
    default void registerProject(gov.steward.intake.v1.RegisterProjectRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.RegisterProjectResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterProjectMethod(), responseObserver);
    }

    /**
     */
    default void getProject(gov.steward.intake.v1.GetProjectRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetProjectResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetProjectMethod(), responseObserver);
    }

    /**
     * <pre>
     * The contact to tell about a project or an enterprise: its name and mobile number. For the
     * notification service's SMS only (role "service"): personal data that never travels on the
     * bus, so notification asks for it when it sends instead of keeping a copy.
     * </pre>
     */
    default void getContact(gov.steward.intake.v1.GetContactRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetContactResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetContactMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service IntakeService.
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public static abstract class IntakeServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return IntakeServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service IntakeService.
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public static final class IntakeServiceStub
      extends io.grpc.stub.AbstractAsyncStub<IntakeServiceStub> {
    private IntakeServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected IntakeServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new IntakeServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a key project. Enterprises normally use the HTTP API; this is the same command.
     * </pre>
     */
    public void registerProject(gov.steward.intake.v1.RegisterProjectRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.RegisterProjectResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getProject(gov.steward.intake.v1.GetProjectRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetProjectResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The contact to tell about a project or an enterprise: its name and mobile number. For the
     * notification service's SMS only (role "service"): personal data that never travels on the
     * bus, so notification asks for it when it sends instead of keeping a copy.
     * </pre>
     */
    public void getContact(gov.steward.intake.v1.GetContactRequest request,
        io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetContactResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetContactMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service IntakeService.
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public static final class IntakeServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<IntakeServiceBlockingV2Stub> {
    private IntakeServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected IntakeServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new IntakeServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a key project. Enterprises normally use the HTTP API; this is the same command.
     * </pre>
     */
    public gov.steward.intake.v1.RegisterProjectResponse registerProject(gov.steward.intake.v1.RegisterProjectRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRegisterProjectMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.intake.v1.GetProjectResponse getProject(gov.steward.intake.v1.GetProjectRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The contact to tell about a project or an enterprise: its name and mobile number. For the
     * notification service's SMS only (role "service"): personal data that never travels on the
     * bus, so notification asks for it when it sends instead of keeping a copy.
     * </pre>
     */
    public gov.steward.intake.v1.GetContactResponse getContact(gov.steward.intake.v1.GetContactRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetContactMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service IntakeService.
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public static final class IntakeServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<IntakeServiceBlockingStub> {
    private IntakeServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected IntakeServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new IntakeServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a key project. Enterprises normally use the HTTP API; this is the same command.
     * </pre>
     */
    public gov.steward.intake.v1.RegisterProjectResponse registerProject(gov.steward.intake.v1.RegisterProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterProjectMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.intake.v1.GetProjectResponse getProject(gov.steward.intake.v1.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetProjectMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The contact to tell about a project or an enterprise: its name and mobile number. For the
     * notification service's SMS only (role "service"): personal data that never travels on the
     * bus, so notification asks for it when it sends instead of keeping a copy.
     * </pre>
     */
    public gov.steward.intake.v1.GetContactResponse getContact(gov.steward.intake.v1.GetContactRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetContactMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service IntakeService.
   * <pre>
   * Intake (受理): the one entrance for enterprises' key projects.
   * </pre>
   */
  public static final class IntakeServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<IntakeServiceFutureStub> {
    private IntakeServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected IntakeServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new IntakeServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * Registers a key project. Enterprises normally use the HTTP API; this is the same command.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.intake.v1.RegisterProjectResponse> registerProject(
        gov.steward.intake.v1.RegisterProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterProjectMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.intake.v1.GetProjectResponse> getProject(
        gov.steward.intake.v1.GetProjectRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetProjectMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The contact to tell about a project or an enterprise: its name and mobile number. For the
     * notification service's SMS only (role "service"): personal data that never travels on the
     * bus, so notification asks for it when it sends instead of keeping a copy.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.intake.v1.GetContactResponse> getContact(
        gov.steward.intake.v1.GetContactRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetContactMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_REGISTER_PROJECT = 0;
  private static final int METHODID_GET_PROJECT = 1;
  private static final int METHODID_GET_CONTACT = 2;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_REGISTER_PROJECT:
          serviceImpl.registerProject((gov.steward.intake.v1.RegisterProjectRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.intake.v1.RegisterProjectResponse>) responseObserver);
          break;
        case METHODID_GET_PROJECT:
          serviceImpl.getProject((gov.steward.intake.v1.GetProjectRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetProjectResponse>) responseObserver);
          break;
        case METHODID_GET_CONTACT:
          serviceImpl.getContact((gov.steward.intake.v1.GetContactRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.intake.v1.GetContactResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getRegisterProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.intake.v1.RegisterProjectRequest,
              gov.steward.intake.v1.RegisterProjectResponse>(
                service, METHODID_REGISTER_PROJECT)))
        .addMethod(
          getGetProjectMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.intake.v1.GetProjectRequest,
              gov.steward.intake.v1.GetProjectResponse>(
                service, METHODID_GET_PROJECT)))
        .addMethod(
          getGetContactMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.intake.v1.GetContactRequest,
              gov.steward.intake.v1.GetContactResponse>(
                service, METHODID_GET_CONTACT)))
        .build();
  }

  private static abstract class IntakeServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    IntakeServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.intake.v1.IntakeProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("IntakeService");
    }
  }

  private static final class IntakeServiceFileDescriptorSupplier
      extends IntakeServiceBaseDescriptorSupplier {
    IntakeServiceFileDescriptorSupplier() {}
  }

  private static final class IntakeServiceMethodDescriptorSupplier
      extends IntakeServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    IntakeServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (IntakeServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new IntakeServiceFileDescriptorSupplier())
              .addMethod(getRegisterProjectMethod())
              .addMethod(getGetProjectMethod())
              .addMethod(getGetContactMethod())
              .build();
        }
      }
    }
    return result;
  }
}
